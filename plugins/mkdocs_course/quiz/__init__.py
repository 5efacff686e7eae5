"""Quizzes: the model, YAML loading with line numbers, validation, answer hashing and rendering."""
