"""Words that belong to one UK nation: its bodies, laws, roles and schemes.

A site for a council in one nation must contain none of the other nations' words
(tests/site/test_nations.py), and neither may one nation's handbook passages
(tests/unit/test_handbook_text.py). Only the data under macros/data/ may hold them.
"""

from __future__ import annotations

import re

OWN_WORDS: dict[str, re.Pattern] = {
    nation: re.compile("|".join(words))
    for nation, words in {
        "england": [r"Ofsted", r"Virtual School Head", r"Staying Put", r"Pupil Premium", r"Children Act 1989",
                    r"Local Government and Social Care Ombudsman", r"Help at Hand", r"\bILACS\b", r"Regulation 44",
                    r"Children and Social Work Act", r"Children's Commissioner for England", r"Department for Education",
                    r"Care Leaver Covenant", r"integrated care board"],
        "wales": [r"Care Inspectorate Wales", r"Estyn", r"When I am Ready", r"Public Services Ombudsman for Wales",
                  r"Social Services and Well-being", r"Pupil Development Grant", r"A promise from Wales",
                  r"Children's Commissioner for Wales", r"\bMeic\b", r"Voices from Care Cymru",
                  r"National Approach to Statutory Advocacy",
                  r"category [1-6] young person"],  # the care leaver groups of s.104 (macros/data/care_leaver_groups/)
        "scotland": [r"Care Inspectorate(?! Wales)", r"Children's Hearing", r"Scottish Public Services Ombudsman",
                     r"Who Cares\? Scotland", r"\(Scotland\) Act", r"Children and Young People's Commissioner Scotland",
                     r"Care Experienced Students' Bursary", r"Chief Social Work Officer", r"Education Scotland"],
        "northern-ireland": [r"\bRQIA\b", r"Regulation and Quality Improvement Authority", r"Going the Extra Mile",
                             r"Northern Ireland Public Services Ombudsman", r"\bNIPSO\b", r"\bVOYPIC\b", r"\bNICCY\b",
                             r"\(Northern Ireland\) Order", r"Health and Social Care Trust", r"Housing Executive"],
    }.items()
}


# Words that are one nation's but also true in another: care orders and special guardianship
# orders in Wales are still made under the Children Act 1989 (Part 6 of the 2014 Act replaced
# its Part 3, not its court orders).
ALSO_TRUE_IN: dict[str, set[str]] = {"wales": {"Children Act 1989"}}


def others_words(nation: str, text: str) -> list[str]:
    """Every other nation's word found in the text, as 'nation: word'."""
    return sorted({f"{other}: {m.group(0)}" for other, pattern in OWN_WORDS.items() if other != nation
                   for m in pattern.finditer(text) if m.group(0) not in ALSO_TRUE_IN.get(nation, set())})
