"""Build a tiny Piper voice (no download): an ONNX model with Piper's interface that hums a sine tone.

Piper's runtime (piper/voice.py, ``phoneme_ids_to_audio``) feeds ``input`` [1, N] int64 phoneme
ids, ``input_lengths`` [N] int64 and ``scales`` [3] float32 (noise, length, noise_w), and takes
the first output, float32 [1, 1, T], squeezed. This model answers SAMPLES_PER_ID samples of a
tone per phoneme id, so its speech is as long as the text's phonemes, like a real voice's.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import onnx
from onnx import TensorProto, helper

RATE = 16000  # not espeak-ng's 22050: the narration must resample it
SAMPLES_PER_ID = 1200  # 75 ms per phoneme id; an id per phoneme and one per pad between them
TONE = 220.0  # Hz


def _constant(name: str, value, kind=TensorProto.INT64, dims=()):
    """Return a Constant node holding ``value``."""
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    return helper.make_node("Constant", [], [name], value=helper.make_tensor(name + "_t", kind, dims, values))


def tone_model() -> onnx.ModelProto:
    """Return the model: output = 0.5·sin(2π·TONE·t) for t in N·SAMPLES_PER_ID samples, as [1, 1, T]."""
    nodes = [
        helper.make_node("Shape", ["input"], ["shape"]),
        _constant("one_index", 1),
        helper.make_node("Gather", ["shape", "one_index"], ["ids"], axis=0),
        _constant("per_id", SAMPLES_PER_ID),
        helper.make_node("Mul", ["ids", "per_id"], ["samples"]),
        _constant("zero", 0), _constant("step", 1),
        helper.make_node("Range", ["zero", "samples", "step"], ["index"]),
        helper.make_node("Cast", ["index"], ["time"], to=TensorProto.FLOAT),
        _constant("omega", 2 * math.pi * TONE / RATE, TensorProto.FLOAT),
        helper.make_node("Mul", ["time", "omega"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["wave"]),
        _constant("gain", 0.5, TensorProto.FLOAT),
        helper.make_node("Mul", ["wave", "gain"], ["quiet"]),
        _constant("shape_out", [1, 1, -1], dims=(3,)),
        helper.make_node("Reshape", ["quiet", "shape_out"], ["output"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny-piper-voice",
        [helper.make_tensor_value_info("input", TensorProto.INT64, [1, "phonemes"]),
         helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
         helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "time"])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="ligetil-tests")
    model.ir_version = 8  # what onnxruntime 1.x reads
    onnx.checker.check_model(model)
    return model


def voice_config(code: str, espeak_voice: str) -> dict:
    """Return a Piper voice config: its rate, language, espeak-ng voice and Piper's default phoneme ids."""
    from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP

    return {"audio": {"sample_rate": RATE, "quality": "x_low"}, "espeak": {"voice": espeak_voice},
            "language": {"code": code, "family": code.split("_")[0], "region": code.split("_")[-1]},
            "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
            "phoneme_type": "espeak", "phoneme_id_map": DEFAULT_PHONEME_ID_MAP,
            "num_symbols": len(DEFAULT_PHONEME_ID_MAP), "num_speakers": 1, "speaker_id_map": {},
            "piper_version": "1.8.0"}


def build_voice(folder: Path, name: str = "da_DK-tiny-x_low", code: str = "da_DK", espeak_voice: str = "da") -> Path:
    """Write ``NAME.onnx`` and ``NAME.onnx.json`` into ``folder``; return the model's path."""
    folder.mkdir(parents=True, exist_ok=True)
    model = folder / f"{name}.onnx"
    onnx.save(tone_model(), str(model))
    model.with_name(model.name + ".json").write_text(json.dumps(voice_config(code, espeak_voice), ensure_ascii=False),
                                                     encoding="utf-8")
    return model
