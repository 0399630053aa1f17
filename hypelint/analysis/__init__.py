"""What hypelint works out about a parsed draft before any rule runs:
sentences and sections (``segment``), quotations (``quotes``), who says what
(``attribution``), the cues claim rules read of each sentence (``context``),
figures (``figures``), imagined scenes of the future (``scenes``), whether a
piece is on a rule's topic (``topics``), readability (``readability``,
``syllables``); ``memo`` keeps each answer once per draft."""
