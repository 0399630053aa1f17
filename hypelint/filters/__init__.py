"""What ``check`` leaves out of the findings: suppression comments
(``suppress``), findings recorded in a baseline (``baseline``) and lines a
git change did not touch (``gitdiff``)."""
