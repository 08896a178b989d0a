"""FieldScore bench peer in PyTorch (float64) for ScoreNetworkTrainingBenchmark.slicedVarianceReduced (score-stats).

The same training run: a 2-128-128-2 multilayer perceptron s(x) with softplus hidden units and a linear output,
weights drawn N(0, 1/fan-in) and biases 0; data 10^4 draws of the essay's 2-D normal (mu = 0,
Sigma = [[1, .5], [.5, 1]]); 10^4 Adam steps (lr 1e-3, betas 0.9/0.999, eps 1e-8), each on a batch of 128
samples drawn with replacement with one Gaussian projection v per sample; loss the variance-reduced sliced score
matching objective of Song et al. (2019), mean over the batch of v^T (ds/dx) v + 1/2 ||s(x)||^2, the term
v^T (ds/dx) v by a second backward pass (autograd, create_graph). Two threads (torch.set_num_threads(2)), as
FieldScore uses both cores. Prints the wall time of the training loop (data drawing and model set-up excluded).

Usage: /usr/bin/python3 torch_score_network.py [STEPS]   (default 10000; fewer for a quick check, then the time
is also extrapolated to 10^4 steps)
"""
import sys
import time

import numpy as np
import torch


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    torch.set_num_threads(2)
    torch.manual_seed(1)
    dtype = torch.float64
    rng = np.random.default_rng(1)
    data = torch.tensor(rng.multivariate_normal([0.0, 0.0], [[1.0, 0.5], [0.5, 1.0]], size=10_000), dtype=dtype)
    layers = []
    sizes = [2, 128, 128, 2]
    for i in range(3):
        linear = torch.nn.Linear(sizes[i], sizes[i + 1], dtype=dtype)
        with torch.no_grad():
            linear.weight.normal_(0.0, (1.0 / sizes[i]) ** 0.5)
            linear.bias.zero_()
        layers.append(linear)
        if i < 2:
            layers.append(torch.nn.Softplus())
    net = torch.nn.Sequential(*layers)
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    generator = torch.Generator().manual_seed(2)
    start = time.perf_counter()
    loss = None
    for _ in range(steps):
        index = torch.randint(0, data.shape[0], (128,), generator=generator)
        x = data[index].clone().requires_grad_(True)
        v = torch.randn(128, 2, dtype=dtype, generator=generator)
        s = net(x)
        vs = (v * s).sum()
        grad_x = torch.autograd.grad(vs, x, create_graph=True)[0]
        loss = ((grad_x * v).sum(dim=1) + 0.5 * (s * s).sum(dim=1)).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    seconds = time.perf_counter() - start
    print(f"PyTorch {torch.__version__} float64 sliced SM-VR 2-128-128-2, batch 128, {steps} Adam steps: "
          f"{seconds:.2f} s ({seconds * 10_000 / steps:.1f} s per 10^4 steps), final loss {loss.item():.3f}")


if __name__ == "__main__":
    main()
