"""The quotes stage: who said what, in direct and indirect speech, attributed to canonical actors.

1. Quotation marks are paired on the raw text, so the spans survive whatever the parser does
   with sentences inside quotes. Every common style is read: “…”, "…", ‘…’, '…', «…», »…«,
   „…“, ``…''; a mark's role (opening or closing) comes from its shape and from what stands on
   either side of it, so straight marks, odd counts and sloppy typing are handled mark by mark.
   A paragraph that ends inside a quote continues into the next one when that opens with a mark.
   Marks that cannot be paired (a missing closing mark, a stray mark, an inch sign) are reported
   in `warnings`; a quote whose closing mark is missing is kept only when its extent is certain
   (it opens its paragraph or follows a colon, and ends at its paragraph or before ", he said").
   Transcript turns ("PENCE: Well, ...") are quotes of the labelled speaker, and so is a headline's
   "NAME on TOPIC: ..." when NAME is a person of the article.
2. Each direct quote gets a cue: a reporting verb right before it (X said: “…” / he added, “…”),
   right after it (“…,” X said / said X), or governing it in the parse (described them as
   “candid”); a verb of wording in an "as" clause ("…,” as a ministry memo put it"); a
   participle right after a named person ("footage of X asking, “…”"); "according to X"; a "― Name" signature; "X said." opening the next sentence; a
   colon or dash after a named actor; or, for a phrase quoted inside a sentence, the reporter of
   the that-clause it sits in ("X tweeted that Y was “a fraud”"), else the named person who is the
   subject of its clause. A quote with no cue of its own continues the speaker of the
   quote before it in its paragraph (and shares its cue, as one attribution), a paragraph that
   is only a quote continues the previous speaker (after direct or indirect speech; lines of
   separators such as " ." or "***" are no paragraphs), and a quote that is a sentence of its own
   after a sentence whose subject is a person is that person's. Short quoted phrases with no speaker and
   quoted titles (“Face the Nation”) are scare quotes or names: left out, listed in one warning.
3. Indirect speech comes from the parse: a reporting verb with a clausal complement ("Blinken
   said the United States is ready ...", "..., officials said"), the sentence around a
   parenthetical "X said" ("The talks, he said, were useful"), an infinitive ("vowed to ..."),
   or, for verbs like call, describe or accuse, an object ("called the plan “a disaster”");
   "according to X"; nouns of saying ("Trump's claim that ..."). A complement that holds a
   direct quote becomes one `mixed` quote; nested attributions are kept, each with its speaker.
   A complement ends where a coordinated clause reports with its own subject ("said A, and the
   captain replied ..."); news before a colon is no complement of the cue after it; the sentence
   of "according to X" ends at a quote that closes a sentence.
4. Speakers go through the actors stage: names directly (a bare surname is the most salient
   holder, not a relative introduced by kinship); "he"/"she" to the latest speaker of that gender
   unless another person has since been a main-clause subject (else the resolver's antecedent,
   else the latest person of that gender in the last paragraphs), never a place, an organisation
   or a person of the other gender; descriptions and role nouns to the person the article
   described so ("the mayor", "the defenceman", "the 34-year-old"), persons first; statements,
   releases and other documents to their author ("a statement from the EU") or issuer ("X issued a
   statement calling ..."); a quantity of a group to the group ("many of whom say"); a coordinated
   verb to its partner's grammatical subject, never a passive partner's agent; organisations by
   a definite head noun ("the ministry" after "China's foreign ministry", "the company"); "who"
   to the noun it follows; they/it in a clause embedded in one whose subject is an organisation
   to that organisation ("the Sierra Club contrasts ... with what they call"); a document that
   speaks ("it read", "the letter said") to its issuer; an epithet no one was described with
   ("the retired farmer said") to the person just named as a main-clause subject; a dateline the
   parser made the subject to the person in apposition.

Each `Quote` carries the content span (`start`, `end`), the cue span and the speaker mention
span it was attributed through; quotes attributed through one cue (a split quote) share it.
The lexicon is data: `dyad/data/reporting.yaml`, or the file named by `DYAD_REPORTING`.

Steps, one file each: `spans` (quotation marks), `cues` (the lexicon), `direct` (cues of direct
quotes), `subjects`, `indirect`, `speakers`, `continuation`; `stage` runs them over a document.
"""
from .cues import Lexicon, lexicon, load_lexicon
from .spans import Marked, find_marked
from .stage import QuoteStage

__all__ = ["Lexicon", "Marked", "QuoteStage", "find_marked", "lexicon", "load_lexicon"]
