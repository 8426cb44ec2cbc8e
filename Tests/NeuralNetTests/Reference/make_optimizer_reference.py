"""Writes PyTorch's reference values for the optimizer tests (OptimizerReferenceData.swift).

Run it from the repository root with any Python that has torch installed (CPU build is enough),
outside the repository's own environment, e.g.:

    python3 -m venv /tmp/venv-torch && /tmp/venv-torch/bin/pip install torch numpy
    /tmp/venv-torch/bin/python Tests/NeuralNetTests/Reference/make_optimizer_reference.py
    swift format -i Tests/NeuralNetTests/OptimizerReferenceData.swift   # a no-op: already formatted

It overwrites Tests/NeuralNetTests/OptimizerReferenceData.swift (pass another path as the first
argument to write elsewhere). Nothing is random: every weight, input and target comes from
`wave(shape, scale, frequency, phase)` below, which OptimizerReferenceTests.swift computes the same
way, so the Swift test rebuilds each scenario from the same numbers.

Scenarios (each trained for STEPS steps with every optimizer in OPTIMIZERS):
- "cnn": conv2d(1 -> 2, kernel 3) -> relu -> max_pool2d(2) -> view(3, 18) -> linear(18 -> 4)
  -> log_softmax(dim=1) -> nll_loss, on a batch of 3 single-channel 8x8 images.
- "regression": linear(3 -> 2) on 5 samples, loss ((y - t) ** 2).mean().

One step is: zero_grad, forward, record the loss, backward, step. The file records the STEPS losses
and the parameters after the last step, as float32 values printed with 9 significant digits (enough
to round-trip a float32 exactly).
"""

import math
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

STEPS = 5

# (Swift name, Swift config expression, factory).
OPTIMIZERS = [
    ("sgd", ".sgd(lr: 0.1)", lambda p: torch.optim.SGD(p, lr=0.1)),
    (
        "sgdMomentum",
        ".sgd(lr: 0.05, momentum: 0.9)",
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    ),
    (
        "sgdDampenedDecay",
        ".sgd(lr: 0.05, momentum: 0.9, dampening: 0.5, weightDecay: 0.01)",
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.5, weight_decay=0.01),
    ),
    (
        "sgdNesterov",
        ".sgd(lr: 0.05, momentum: 0.9, nesterov: true)",
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    ),
    ("adam", ".adam(lr: 0.01)", lambda p: torch.optim.Adam(p, lr=0.01)),
    (
        "adamTuned",
        ".adam(lr: 0.01, betas: (0.8, 0.9), eps: 1e-6, weightDecay: 0.1)",
        lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.9), eps=1e-6, weight_decay=0.1),
    ),
]


def wave(shape, scale, frequency, phase):
    """float32 tensor whose element i (row-major) is scale * sin(frequency * i + phase), in double."""
    count = math.prod(shape)
    values = [scale * math.sin(frequency * i + phase) for i in range(count)]
    return torch.tensor(values, dtype=torch.float64).to(torch.float32).reshape(shape)


def cnn_scenario():
    """Parameters, and the loss as a function of them, for the small convolutional net."""
    images = wave((3, 1, 8, 8), 1.0, 0.37, 0.1)
    targets = torch.tensor([0, 3, 1], dtype=torch.int64)
    parameters = [
        wave((2, 1, 3, 3), 0.4, 1.3, 0.5),  # conv weight
        wave((2,), 0.1, 2.1, 0.2),  # conv bias
        wave((4, 18), 0.25, 0.7, 1.1),  # linear weight
        wave((4,), 0.1, 1.7, 0.3),  # linear bias
    ]

    def loss(conv_w, conv_b, lin_w, lin_b):
        x = F.relu(F.conv2d(images, conv_w, conv_b))
        x = F.max_pool2d(x, 2).view(3, 18)
        return F.nll_loss(F.log_softmax(F.linear(x, lin_w, lin_b), dim=1), targets)

    return parameters, loss


def regression_scenario():
    """Parameters, and the mean squared error as a function of them, for a linear regression."""
    inputs = wave((5, 3), 1.0, 0.9, 0.3)
    targets = wave((5, 2), 0.8, 0.55, 1.2)
    parameters = [wave((2, 3), 0.5, 1.1, 0.7), wave((2,), 0.2, 1.9, 0.4)]

    def loss(weight, bias):
        return ((F.linear(inputs, weight, bias) - targets) ** 2).mean()

    return parameters, loss


SCENARIOS = [("cnn", cnn_scenario), ("regression", regression_scenario)]


def train(scenario, make_optimizer):
    """Runs STEPS steps; returns the losses and the final parameters as lists of floats."""
    parameters, loss_of = scenario()
    for p in parameters:
        p.requires_grad_(True)
    optimizer = make_optimizer(parameters)
    losses = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = loss_of(*parameters)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return losses, [p.detach().flatten().tolist() for p in parameters]


def literal(value):
    """A Swift Float literal with 9 significant digits."""
    return f"{value:.9g}"


def array_lines(values, indent):
    """A Swift array literal of floats, several per line, as swift-format leaves it."""
    items = [literal(v) + "," for v in values]
    lines, line = [], indent + "  "
    for item in items:
        if len(line) + len(item) + 1 > 100:
            lines.append(line.rstrip())
            line = indent + "  "
        line += item + " "
    lines.append(line.rstrip())
    return ["["] + lines + [indent + "]"]


def case_source(model, name, config, losses, parameters):
    """The Swift source of one `OptimizerReferenceCase`, indented as an element of the array."""
    out = ["  OptimizerReferenceCase("]
    out.append(f'    model: .{model}, name: "{name}",')
    out.append(f"    optimizer: {config},")
    loss_lines = array_lines(losses, "    ")
    out.append("    losses: " + loss_lines[0])
    out += loss_lines[1:-1] + [loss_lines[-1] + ","]
    out.append("    parameters: [")
    for values in parameters:
        lines = array_lines(values, "      ")
        out.append("      " + lines[0])
        out += lines[1:-1] + [lines[-1] + ","]
    out.append("    ]")
    out.append("  ),")
    return out


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    default = Path(__file__).resolve().parent.parent / "OptimizerReferenceData.swift"
    destination = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    lines = [
        "// Generated by Tests/NeuralNetTests/Reference/make_optimizer_reference.py with torch "
        + torch.__version__
        + ".",
        "// Do not edit by hand: change the script and run it again (see its docstring).",
        "",
        "/// PyTorch's losses and final parameters for each scenario and optimizer, after "
        + f"{STEPS} steps.",
        "let optimizerReferenceCases: [OptimizerReferenceCase] = [",
    ]
    for model, scenario in SCENARIOS:
        for name, config, factory in OPTIMIZERS:
            losses, parameters = train(scenario, factory)
            lines += case_source(model, name, config, losses, parameters)
    lines.append("]")
    destination.write_text("\n".join(lines) + "\n")
    print(f"wrote {destination}")


if __name__ == "__main__":
    main()
