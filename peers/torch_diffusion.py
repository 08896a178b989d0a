#!/usr/bin/python3
"""PyTorch peer of FieldScore's diffusion-model benchmark (score-stats DiffusionBenchmark).

What it computes, with the same network, loss, batch, step count and float64 arithmetic as the Java side:
  * training: a time-conditional softplus MLP s(x, t) = f(x, e(t)) / s(t) with f: 2 + 9 -> 128 -> 128 -> 2 and the
    embedding e(t) = (2t - 1, sin(k pi t), cos(k pi t), k = 1..4), trained by denoising score matching over
    t ~ U[eps, 1] for the VP SDE (beta 0.1 -> 20, eps = 1e-3) with the sigma^2 weighting, i.e. the per-sample loss
    0.5 * ||f(m x0 + s z, e(t)) + z||^2, batch 128, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8), 2000 steps, on
    10 000 draws of 0.8 N((5,5), I) + 0.2 N((-5,-5), I);
  * sampling: the reverse-time VP SDE by Euler-Maruyama on 1000 steps for 1280 chains with that network
    (x <- x - [f(x,t) - g^2 s] dt + g sqrt(dt) z), reported as network evaluations per second.
It prints one line per task: "torch-diffusion <task> <seconds> s <rate>". Threads: torch.set_num_threads(2).
"""
import math
import sys
import time

import torch

torch.set_num_threads(2)
torch.set_default_dtype(torch.float64)
BETA_MIN, BETA_MAX, EPS = 0.1, 20.0, 1e-3
K = 4


def integrated_beta(t):
    return BETA_MIN * t + 0.5 * t * t * (BETA_MAX - BETA_MIN)


def mean_scale(t):
    return torch.exp(-0.5 * integrated_beta(t))


def marginal_std(t):
    return torch.sqrt(-torch.expm1(-integrated_beta(t)))


def embed(t):
    k = torch.arange(1, K + 1, dtype=torch.float64)
    angles = math.pi * k * t[:, None]
    return torch.cat([2 * t[:, None] - 1, torch.stack([torch.sin(angles), torch.cos(angles)], dim=2)
                      .reshape(t.shape[0], 2 * K)], dim=1)


def network():
    return torch.nn.Sequential(torch.nn.Linear(2 + 2 * K + 1, 128), torch.nn.Softplus(), torch.nn.Linear(128, 128),
                               torch.nn.Softplus(), torch.nn.Linear(128, 2))


def data(n, generator):
    heavy = torch.rand(n, generator=generator) < 0.8
    centre = torch.where(heavy[:, None], torch.tensor([5.0, 5.0]), torch.tensor([-5.0, -5.0]))
    return centre + torch.randn(n, 2, generator=generator)


def train(steps=2000, batch=128):
    g = torch.Generator().manual_seed(1)
    x0 = data(10_000, g)
    net = network()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    start = time.perf_counter()
    for _ in range(steps):
        idx = torch.randint(0, x0.shape[0], (batch,), generator=g)
        t = EPS + (1 - EPS) * torch.rand(batch, generator=g)
        z = torch.randn(batch, 2, generator=g)
        xt = mean_scale(t)[:, None] * x0[idx] + marginal_std(t)[:, None] * z
        f = net(torch.cat([xt, embed(t)], dim=1))
        loss = 0.5 * ((f + z) ** 2).sum(dim=1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net, time.perf_counter() - start


@torch.no_grad()
def sample(net, chains=1280, steps=1000):
    g = torch.Generator().manual_seed(2)
    x = torch.randn(chains, 2, generator=g)
    dt = (1 - EPS) / steps
    start = time.perf_counter()
    for i in range(steps):
        t = torch.full((chains,), 1 - i * dt)
        beta = BETA_MIN + t * (BETA_MAX - BETA_MIN)
        s = net(torch.cat([x, embed(t)], dim=1)) / marginal_std(t)[:, None]
        x = x - (-0.5 * beta[:, None] * x - beta[:, None] * s) * dt
        if i < steps - 1:
            x = x + torch.sqrt(beta * dt)[:, None] * torch.randn(chains, 2, generator=g)
    return x, time.perf_counter() - start


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    net, seconds = train(steps)
    print(f"torch-diffusion training-{steps}-steps {seconds:.3f} s {steps / seconds:.1f} steps/s")
    x, seconds = sample(net)
    print(f"torch-diffusion reverse-sde-1280x1000 {seconds:.3f} s {1280 * 1000 / seconds:.0f} evaluations/s")
    heavy = ((x - torch.tensor([5.0, 5.0])) ** 2).sum(1) < ((x + torch.tensor([5.0, 5.0])) ** 2).sum(1)
    print(f"torch-diffusion heavy-mode-fraction {heavy.double().mean().item():.3f}")
