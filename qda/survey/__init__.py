"""Survey statistics of a Likert questionnaire (the Kelurahan Sako procedure), headless.

``load_data`` reads CSV / XLSX / SPSS files, ``Instrument`` describes variables, indicators
and items, ``analyse`` runs the whole procedure and returns a
:class:`qda.survey.result.SurveyResult`. Heavy libraries are imported lazily.
"""
