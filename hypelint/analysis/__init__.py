"""What hypelint works out about a parsed draft before any rule runs:
sentences and sections (``segment``), quotations (``quotes``), who says what
(``context``), figures (``figures``), readability (``readability``,
``syllables``)."""
