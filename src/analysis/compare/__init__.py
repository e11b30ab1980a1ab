"""Fair comparisons of districts: funnel plots with over-dispersion, empirical-Bayes
shrinkage, rank intervals and count models across districts.

Modules: `inputs` (the tidy input frame and its checks), `funnel`, `shrinkage`, `ranks`,
`model`. See docs/comparisons.md for the methods and the choices made.
"""
