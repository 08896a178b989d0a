"""FieldScore bench peers in numpy (vectorised code; matrix products go to the BLAS numpy links, which may use
both cores), one per JMH benchmark beside it.

ftcs      StencilStepBenchmark.ftcsStep (pde-solvers): one FTCS diffusion step on a 256^3 vertex grid of the unit
          cube, homogeneous Dirichlet boundary (boundary layer fixed at 0), the 254^3 interior points updated by
          v = u + dt*lap(u), lap the 7-point Laplacian / h^2, h = 1/255, dt = 0.1 h^2; initial u[i] = (i mod 97)/97.
          Reported in interior cell updates per second (mean over the timed steps).
langevin  LangevinBenchmark.unadjustedLangevin (score-stats): unadjusted Langevin x <- x + (eps/2) S(x) + sqrt(eps) z
          on the essay's 2-D normal (mu = 0, Sigma = [[1, .5], [.5, 1]], S(x) = -Sigma^-1 x), eps = 0.01,
          10^5 chains from the origin, 100 steps, all chains advanced together as a (10^5, 2) float64 array, all
          chains' noise drawn in one call per step; chain steps per second. The same work as the JMH side, which
          also keeps only each chain's final state (burn-in 99, one draw) and does more: one seeded stream per
          chain and a divergence check of every state.
fit       MultivariateNormalFitBenchmark.closedForm (score-stats): the closed-form score-matching fit of a normal
          (mean, covariance with 1/T, its inverse) to 10^6 x 10 float64 standard-normal samples; input values per
          second. The JMH side computes the same three results from the same shape and also the covariance's
          condition number (its eigenvalues), which it checks before inverting.

The peers report their best timed repetition (best_of). For langevin and fit, ratios.py sets against it both JMH's
mean and JMH's best measurement iteration (best against best), so that a loaded machine does not favour one side.

Usage: python3 numpy_peers.py [ftcs] [langevin] [fit] [--quick]   (all three when none is named)
"""
import sys
import time

import numpy as np


def best_of(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def ftcs(quick):
    n = 256
    u = (np.arange(n ** 3) % 97 / 97.0).reshape(n, n, n)
    u[0, :, :] = u[-1, :, :] = u[:, 0, :] = u[:, -1, :] = u[:, :, 0] = u[:, :, -1] = 0
    v = u.copy()
    h = 1.0 / (n - 1)
    dt = 0.1 * h * h
    c = dt / (h * h)
    steps = 2 if quick else 5
    state = {"u": u, "v": v}

    def step():
        u, v = state["u"], state["v"]
        i = slice(1, -1)
        v[i, i, i] = (1 - 6 * c) * u[i, i, i] + c * (u[:-2, i, i] + u[2:, i, i] + u[i, :-2, i] + u[i, 2:, i]
                                                    + u[i, i, :-2] + u[i, i, 2:])
        state["u"], state["v"] = v, u

    step()
    seconds = best_of(step, steps)
    print(f"numpy FTCS 256^3: {(n - 2) ** 3 / seconds / 1e6:.1f} Mcell-updates/s")


def langevin(quick):
    chains, steps, eps = 100_000, 100, 0.01
    precision = np.linalg.inv(np.array([[1.0, 0.5], [0.5, 1.0]]))
    rng = np.random.default_rng(1)

    def run():
        x = np.zeros((chains, 2))
        root = np.sqrt(eps)
        for _ in range(steps):
            x += (0.5 * eps) * -(x @ precision) + root * rng.standard_normal((chains, 2))
        return x

    run()
    seconds = best_of(run, 2 if quick else 5)
    print(f"numpy ULA 2-D normal, 1e5 chains x 100 steps: {chains * steps / seconds / 1e6:.1f} M chain-steps/s")


def fit(quick):
    t, d = 1_000_000, 10
    x = np.random.default_rng(2).standard_normal((t, d))

    def run():
        mean = x.mean(axis=0)
        centred = x - mean
        covariance = centred.T @ centred / t
        return mean, covariance, np.linalg.inv(covariance)

    run()
    seconds = best_of(run, 2 if quick else 5)
    print(f"numpy MVN closed-form fit 1e6 x 10: {t * d / seconds / 1e6:.1f} M values/s")


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or ["ftcs", "langevin", "fit"]
    for name in names:
        {"ftcs": ftcs, "langevin": langevin, "fit": fit}[name](quick)
