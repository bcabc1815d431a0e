"""fielder: questionnaire files in, platform-native surveys and clean responses out."""

__version__ = "0.1.0"
