"""Files: questionnaire uploads, checked before anything is stored."""
