"""Person names: the register, the tagging annotator and the corpus register."""
