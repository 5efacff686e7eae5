"""mkdocs-course: Markdown lessons and YAML quizzes made into a static, badged open course."""

__version__ = "0.1.0"
