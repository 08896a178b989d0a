/*
 * FieldScore bench peer: the naive explicit diffusion (FTCS) sweep in C.
 *
 * Computes exactly the work of StencilStepBenchmark (ftcsStep, ftcsHundredSteps, ftcsHundredStepsSweep)
 * (pde-solvers): a vertex grid of n^3 points on the unit cube (h = 1/(n-1)), homogeneous Dirichlet boundary (the
 * boundary layer is fixed at 0), the (n-2)^3 interior points updated per step by
 *     v = u + dt * [(u_x- + u_x+ - 2u) + (u_y- + u_y+ - 2u) + (u_z- + u_z+ - 2u)] / h^2,   dt = 0.1 h^2,
 * then u and v swap. Initial state u[i] = (i mod 97)/97 over the flat array (boundary set to 0). One sweep per
 * step over both arrays (no temporal blocking), parallel over z planes with OpenMP when compiled with -fopenmp.
 *
 * Usage: ftcs N STEPS      prints the interior cell updates per second over the STEPS sweeps and a checksum.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void sweep(int n, double c, double centre, const double *restrict u, double *restrict v) {
    long sy = n, sz = (long) n * n;
#pragma omp parallel for schedule(static)
    for (int k = 1; k < n - 1; k++) {
        for (int j = 1; j < n - 1; j++) {
            long base = k * sz + j * sy;
            for (int i = 1; i < n - 1; i++) {
                long q = base + i;
                v[q] = centre * u[q] + c * (u[q - 1] + u[q + 1] + u[q - sy] + u[q + sy] + u[q - sz] + u[q + sz]);
            }
        }
    }
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 256;
    int steps = argc > 2 ? atoi(argv[2]) : 20;
    long size = (long) n * n * n;
    double *u = aligned_alloc(64, size * sizeof(double));
    double *v = aligned_alloc(64, size * sizeof(double));
    if (u == NULL || v == NULL || n < 3 || steps < 1) {
        fprintf(stderr, "usage: ftcs N>=3 STEPS>=1 (or out of memory)\n");
        return 1;
    }
    for (long i = 0; i < size; i++) {
        long x = i % n, y = (i / n) % n, z = i / ((long) n * n);
        int boundary = x == 0 || y == 0 || z == 0 || x == n - 1 || y == n - 1 || z == n - 1;
        u[i] = boundary ? 0 : (i % 97) / 97.0;
        v[i] = u[i];
    }
    double h = 1.0 / (n - 1), dt = 0.1 * h * h;
    double c = dt / (h * h), centre = 1 - 6 * c;
    sweep(n, c, centre, u, v); /* first touch and warm-up, not timed */
    double *t = u; u = v; v = t;
    double start = now();
    for (int s = 0; s < steps; s++) {
        sweep(n, c, centre, u, v);
        t = u; u = v; v = t;
    }
    double seconds = now() - start;
    double cells = (double) (n - 2) * (n - 2) * (n - 2) * steps;
    double sum = 0;
    for (long i = 0; i < size; i++) {
        sum += u[i];
    }
    printf("C FTCS %d^3, %d steps: %.0f Mcell-updates/s (checksum %.6f)\n", n, steps, cells / seconds / 1e6,
           sum / size);
    free(u);
    free(v);
    return 0;
}
