"""Shared language resources: lexicon, tagger, lemmas, entities, alignment, readability."""
