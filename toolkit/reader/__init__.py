"""The reader's parts: what a statement's lines are, in the six UN languages.

`toolkit.statement` reads a speech file into a `Statement` with these:

| module | role |
| --- | --- |
| `words` | the words per language (`words.yaml`): delivery notes, section labels, lead-ins ... |
| `header` | the YAML front-matter block at the top of a speech file |
| `repair` | mojibake (ftfy), romanisation after Chinese characters |
| `delivery` | delivery notes: "As delivered", "Seul le prononcé fait foi" ... |
| `speakers` | speaker lines and names, salutations, pull-quote attributions |
| `dates` | date lines, datelines and venues (month names from Babel's CLDR data) |
| `debris` | what a web page drags along: buttons, banners, labels, captions, page headers |
| `detection` | the language (py3langid) and script (OpenCC) of a block |
| `masthead` | the lines above the body scored as title, delivery note, speaker, date, venue |
"""
