"""The course model: settings, and which pages form each block, in navigation order."""
