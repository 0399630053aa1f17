"""Reading drafts: bytes to text (``source``) and which files a folder walk
lints (``ignorefiles``); and the structured files that steer a run (configs,
baselines, rule files), bounded and checked (``structured``)."""
