"""Build a tiny Argos package whose model copies its input (no download, well under a second)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

# Danish sentences for the SentencePiece model; the project's guides are added when present.
DANISH = """\
Mad til dig, der bor hjemme.
Du kan få mad bragt ud, hvis du ikke selv kan lave mad.
Ring til Borgerservice på telefon 33 66 33 66, mandag til fredag kl. 8–15.
Log ind med MitID på borger.dk og søg om hjælp.
Vi kommer med maden to gange om ugen, f.eks. tirsdag og fredag.
Prisen er ca. 62 kr. for en hovedret i 2026.
Skriv til os på madservice@kk.dk, hvis du har spørgsmål.
Læs mere på https://www.kk.dk/madservice om menuen.
Du skal bl.a. oplyse dit CPR-nummer og din adresse.
Bussen nr. 5C kører hver time fra Nørreport.
Hjemmeplejen hjælper dig med rengøring, bad og indkøb.
Hvis du er syg, kan du få hjælp fra din læge eller fra vagtlægen.
Kommunen sender et brev i din digitale postkasse.
Husk at tage dit sundhedskort med, når du går til lægen.
Ansøgningen skal være modtaget senest den 1. november 2026.
Åbningstiderne er ændret fra 1. januar: mandag 9.00–17.30.
Hej verden. Hej Merhaba. Citizen help.
ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ÆØÅ æøå é ü ö ç ğ ı ş
Tegn: . , ; : ! ? ( ) [ ] { } * _ ` # + - – — / \\ @ % & = " ' « » § € $ < > | ~ ^
"""

# Pieces the tests rely on; "Hej" -> "Merhaba" lets a model prove that it ran.
SYMBOLS = ["Hej", "Merhaba"]
POSITIONS = 256  # longest sentence in tokens
FREQUENCIES = 64  # positional code: [cos, sin, -cos, -sin] at random frequencies
EOS_PULL = 0.65  # attention bonus of the source </s>, as a share of a position's self-match


def corpus(extra_dirs: list[Path] = ()) -> str:
    """Return the training text: the built-in sentences and any Markdown guides found."""
    parts = [DANISH * 3]
    for folder in extra_dirs:
        parts += [path.read_text(encoding="utf-8") for path in sorted(Path(folder).glob("*.md"))]
    return "\n".join(parts)


def train_sentencepiece(text: str, prefix: Path, vocab_size: int = 160) -> Path:
    """Train a small SentencePiece model on ``text``; return the model file."""
    import sentencepiece as spm

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        user_defined_symbols=SYMBOLS,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _positions(dims: int) -> np.ndarray:
    rng = np.random.default_rng(3)  # a seed whose off-diagonal matches stay below 0.19
    theta = rng.uniform(0.3, np.pi - 0.3, FREQUENCIES)
    angles = np.arange(POSITIONS)[:, None] * theta[None, :]
    code = np.concatenate([np.cos(angles), np.sin(angles), -np.cos(angles), -np.sin(angles)], axis=1)
    return np.pad(code, ((0, 0), (0, dims - code.shape[1]))).astype(np.float32)


def _tokens(vocab: int, pos: int) -> np.ndarray:
    """Zero-mean, nearly orthonormal embeddings after the positions (2 spare dims at the end)."""
    eye = np.eye(vocab, dtype=np.float32) - 1.0 / vocab
    return np.concatenate([np.zeros((vocab, pos), np.float32), eye, np.zeros((vocab, 2), np.float32)], axis=1)


def _ln(spec, dims: int) -> None:
    spec.gamma = np.ones(dims, np.float32)
    spec.beta = np.zeros(dims, np.float32)


def _linear(spec, rows: int, cols: int, weight: np.ndarray | None = None) -> None:
    spec.weight = np.zeros((rows, cols), np.float32) if weight is None else weight.astype(np.float32)


def build_copy_spec(vocab: list[str], mapping: dict[str, str] | None = None, eos_bias: float = -5.0):
    """Return a CTranslate2 Transformer spec whose greedy or beam output copies the source.

    ``mapping`` turns some source pieces into other target pieces (to tell models apart).
    """
    from ctranslate2.specs import transformer_spec

    size, pos = len(vocab), 4 * FREQUENCIES
    dims = pos + size + 2  # positions, tokens, and a +1/-1 pair every decoder query carries
    spec = transformer_spec.TransformerSpec.from_config((1, 1), num_heads=1)
    emb, code = _tokens(size, pos), _positions(dims)
    select_pos = np.diag(np.r_[np.ones(pos), np.zeros(size + 2)]).astype(np.float32)
    select_tok = np.diag(np.r_[np.zeros(pos), np.ones(size), 0, 0]).astype(np.float32)
    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = emb
    enc.scale_embeddings = False
    enc.position_encodings.encodings = code
    _ln(enc.layer_norm, dims)
    for layer in (enc.layer[0], dec.layer[0]):
        _ln(layer.self_attention.layer_norm, dims)
        _linear(layer.self_attention.linear[0], 3 * dims, dims)
        _linear(layer.self_attention.linear[1], dims, dims)
        _ln(layer.ffn.layer_norm, dims)
        _linear(layer.ffn.linear_0, 4, dims)
        _linear(layer.ffn.linear_1, dims, 4)
    flag = np.zeros((size, dims), np.float32)
    flag[:, -2], flag[:, -1] = 1.0, -1.0
    dec.embeddings.weight = flag
    dec.scale_embeddings = False
    dec.position_encodings.encodings = code
    _ln(dec.layer_norm, dims)
    cross = dec.layer[0].attention
    _ln(cross.layer_norm, dims)
    # Step i attends to source token i; past the source's end, the source </s> wins,
    # so every beam ends right after the copy instead of running to the length limit.
    query = 40.0 * select_pos
    query[-2, -2] = 40.0 * EOS_PULL * 2 * FREQUENCIES  # a position's self-match is 2K
    keys = select_pos.copy()
    keys[-2, pos + vocab.index("</s>")] = 1.0
    _linear(cross.linear[0], dims, dims, query)
    _linear(cross.linear[1], 2 * dims, dims, np.concatenate([keys, select_tok]))
    _linear(cross.linear[2], dims, dims, select_tok)
    out = emb.copy()
    index = {piece: i for i, piece in enumerate(vocab)}
    for source, target in (mapping or {}).items():
        out[index[target]], out[index[source]] = emb[index[source]], emb[index[target]]
    dec.projection.weight = 30.0 * out
    bias = np.zeros(size, np.float32)
    bias[index["</s>"]] = eos_bias
    dec.projection.bias = bias
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize()
    return spec


def build_package(
    folder: Path, sp_model: Path, from_code: str, to_code: str, version: str,
    mapping: dict[str, str] | None = None,
) -> Path:
    """Write ``translate-<from>_<to>-<version>.argosmodel`` into ``folder``; return its path."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    root = folder / name
    (root / "model").mkdir(parents=True, exist_ok=True)
    build_copy_spec(vocab, mapping).save(str(root / "model"))
    (root / "sentencepiece.model").write_bytes(sp_model.read_bytes())
    metadata = {
        "package_version": version, "argos_version": "1.9", "from_code": from_code,
        "from_name": from_code.upper(), "to_code": to_code, "to_name": to_code.upper(),
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (root / "README.md").write_text("Tiny copy model for tests.\n", encoding="utf-8")
    archive = folder / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(root.rglob("*")):
            zipped.write(path, path.relative_to(folder).as_posix())
    return archive
