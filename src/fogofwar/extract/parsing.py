"""spaCy on the sentences that can hold a claim, with named entities only where they are read.

The extraction reads the entity recogniser's output in one place only: whether a speaker is a
person (``entity_type``). The recogniser is the dearest component of the English pipeline (about
two fifths of its time; it has its own token embedding, so nothing else depends on it), and
fewer than half of the parsed sentences have a speaker. So ``parse_sentences`` runs every other
component over all sentences, then the recogniser, batched, over the sentences a predicate says
may be read for entities; any other sentence keeps the recogniser pending, and
``entity_type`` runs it on that sentence the first time one of its tokens is asked. Every
token's annotation is therefore the one the full pipeline gives (the recogniser reads no other
component's output), whatever the predicate says: the predicate only decides what is batched.

Code of ``extract`` reads entities through ``entity_type`` only, never ``Token.ent_type_``,
``ent_iob_`` or ``Doc.ents`` (``tests/test_parsing.py`` checks the sources).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

ENTITY_COMPONENT = "ner"
_PENDING = "fogofwar.pending_entities"
BATCH = 256  # sentences parsed together (spaCy's own default batch size)


def parse_sentences(
    nlp: Any, texts: Sequence[str], reads_entities: Callable[[Any], bool]
) -> Iterator[Any]:
    """The parsed docs of ``texts``, in order: entities set now where ``reads_entities(doc)``
    (read off the other components' annotations), on demand elsewhere (``entity_type``).
    Parsed a batch at a time, so that memory stays bounded however long the document."""
    if ENTITY_COMPONENT not in nlp.pipe_names:
        yield from nlp.pipe(texts)
        return
    recogniser = nlp.get_pipe(ENTITY_COMPONENT)
    for at in range(0, len(texts), BATCH):
        docs = list(nlp.pipe(texts[at : at + BATCH], disable=[ENTITY_COMPONENT]))
        wanted = [doc for doc in docs if reads_entities(doc)]
        for _ in recogniser.pipe(wanted, batch_size=BATCH):  # annotates each doc in place
            pass
        chosen = {id(doc) for doc in wanted}
        for doc in docs:
            if id(doc) not in chosen:
                doc.user_data[_PENDING] = recogniser
        yield from docs


def entity_type(token: Any) -> str:
    """The entity label of a token ("PERSON", "GPE", "" outside entities), running the pending
    recogniser on its doc first when ``parse_sentences`` left it pending."""
    recogniser = token.doc.user_data.pop(_PENDING, None)
    if recogniser is not None:
        recogniser(token.doc)
    return str(token.ent_type_)


def entities_pending(doc: Any) -> bool:
    """True while the doc's entities have not been computed (see ``entity_type``)."""
    return _PENDING in doc.user_data
