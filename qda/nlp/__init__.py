"""Indonesian language processing shared by word frequency, keyword-in-context and auto-coding.

Everything runs on spaCy's blank Indonesian pipeline with the lookup lemmatizer from
spacy-lookups-data: nothing is downloaded at run time.
"""
