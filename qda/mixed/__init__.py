"""Mixed methods: one study's survey and qualitative evidence side by side (the joint display).

:func:`qda.mixed.joint.joint_display` puts, per survey indicator, the score and its category on
the continuum next to the coded excerpts of the linked codes, the informants who spoke to it,
representative quotes and the researcher's convergence / divergence note. Links, notes and
informant ↔ respondent links live in the project (:mod:`qda.store.links`).
"""
