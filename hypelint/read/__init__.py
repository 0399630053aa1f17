"""Reading drafts: bytes to text (``source``) and which files a folder walk
lints (``ignorefiles``)."""
