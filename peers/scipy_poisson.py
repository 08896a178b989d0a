"""FieldScore bench peers in scipy for the 3-D Poisson benchmarks (PoissonBenchmark, SpectralBenchmark in
pde-solvers).

Problem, as the JMH classes set it: n^3 unknowns on the unit cube (a vertex grid of n + 2 points per axis,
h = 1/(n + 1)), homogeneous Dirichlet boundary, the 7-point Laplacian, right-hand side f = sin(3x) y e^z + 1
sampled at the unknowns.
dst  the exact discrete solve by type-I sine transforms (scipy.fft.dstn / idstn over the three axes, division by
     the eigenvalues of the 7-point operator): SpectralBenchmark.spectralSolve; seconds per solve.
cg   scipy.sparse.linalg.cg without preconditioner on the same (negated, positive definite) matrix, from x = 0,
     stopped at ||r||_2 <= 1e-10 ||b||_2: the unpreconditioned reference of PoissonBenchmark's solves to relative
     residual 1e-10 (the matrix assembly is not timed; FieldScore's figures include their set-up).
The two solutions are compared (max difference relative to max |u|) so that both solve the same system.

Usage: python3 scipy_poisson.py N [N ...] [--no-cg]
"""
import sys
import time

import numpy as np
import scipy.fft
import scipy.sparse as sp
from scipy.sparse.linalg import cg


def rhs(n):
    h = 1.0 / (n + 1)
    x = np.arange(1, n + 1) * h
    # array index [k, j, i] = (z, y, x), x fastest as in FieldScore's layout
    z3, y3, x3 = np.meshgrid(x, x, x, indexing="ij")
    return np.sin(3 * x3) * y3 * np.exp(z3) + 1, h


def dst_solve(f, h):
    n = f.shape[0]
    k = np.arange(1, n + 1)
    lam1 = (2 * np.cos(np.pi * k / (n + 1)) - 2) / (h * h)
    lam = lam1[:, None, None] + lam1[None, :, None] + lam1[None, None, :]
    return scipy.fft.idstn(scipy.fft.dstn(f, type=1) / lam, type=1)


def laplacian(n, h):
    one = sp.diags([np.ones(n - 1), -2 * np.ones(n), np.ones(n - 1)], [-1, 0, 1]) / (h * h)
    eye = sp.identity(n)
    return (sp.kron(sp.kron(eye, eye), one) + sp.kron(sp.kron(eye, one), eye) + sp.kron(sp.kron(one, eye), eye)).tocsr()


def main():
    sizes = [int(a) for a in sys.argv[1:] if not a.startswith("--")] or [127]
    with_cg = "--no-cg" not in sys.argv
    for n in sizes:
        f, h = rhs(n)
        dst_solve(f, h)
        start = time.perf_counter()
        u_dst = dst_solve(f, h)
        t_dst = time.perf_counter() - start
        line = f"n={n}^3 dst={t_dst:.3f}s"
        if with_cg:
            a = -laplacian(n, h)
            b = -f.ravel()
            start = time.perf_counter()
            u_cg, info = cg(a, b, rtol=1e-10, atol=0.0, maxiter=100_000)
            t_cg = time.perf_counter() - start
            relres = np.linalg.norm(b - a @ u_cg) / np.linalg.norm(b)
            agree = np.abs(u_cg - u_dst.ravel()).max() / np.abs(u_dst).max()
            line += f" cg(no precond, rtol 1e-10)={t_cg:.2f}s relres={relres:.1e} agree={agree:.1e} info={info}"
        print(line)


if __name__ == "__main__":
    main()
