"""qda: qualitative and mixed-methods research on public-service performance."""

__version__ = "0.1.0"
