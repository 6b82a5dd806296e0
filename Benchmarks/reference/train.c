/*
 * A hand-written C reference for nabla's full-batch training step.
 *
 * The same arithmetic as nabla's Trainer.step with half squared error averaged
 * over the examples and plain gradient descent, written as a C programmer would
 * write a fully connected network: no tape, no bookkeeping, doubles only.
 * Per example: forward (net input w·x in order then + b; the activation and its
 * derivative with nabla's formulas), the loss, the deltas backwards, and the
 * gradient added up; then the gradient times 1/n and p ← p − rate·g.
 *
 * The networks, starting weights and data are nabla's own: Xavier weights drawn
 * from SplitMix64 in nabla's parameter order, XOR's 4 examples, and the 100 moons
 * points of `data moons 100` (noise 0.1, seed 1), drawn the same way. Every layer's
 * weights and gradients sit in one array of exactly its size, row after row.
 *
 *   train            steps per second for every case (median of 5 rounds), then
 *                    the same for 2-W-W-1 networks of every width in SIZES
 *   train check N    the batch loss before and after N steps, to compare with
 *                    nabla's `train N steps` on the same network
 *
 * Build: cc -O2 -march=x86-64 -o train train.c -lm
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const double PI = 3.14159265358979323846;

enum { MAXLAYERS = 3, MAXWIDTH = 256, MAXEXAMPLES = 100 };
enum Activation { TANH, SIGMOID };

/* The hidden widths of the size series: 2-W-W-1 (tanh, tanh, sigmoid) on the 100 moons points. */
static const int SIZES[] = {16, 32, 64, 128, 256};
enum { NSIZES = sizeof SIZES / sizeof SIZES[0] };

typedef struct {
  int layers;                 /* computing layers */
  int width[MAXLAYERS + 1];   /* width[0]: inputs */
  enum Activation activation[MAXLAYERS + 1];
  /* w[l][j * width[l] + i]: from neuron i of layer l to neuron j of layer l + 1; b[l][j] its bias */
  double *w[MAXLAYERS];
  double *b[MAXLAYERS];
  double *gw[MAXLAYERS];
  double *gb[MAXLAYERS];
} Net;

typedef struct {
  int count, inputs, targets;
  double x[MAXEXAMPLES][2];
  double t[MAXEXAMPLES][1];
} Data;

static void *zeroed(size_t count) {
  void *p = calloc(count, sizeof(double));
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  return p;
}

/* Sets the widths (inputs first) and activations, and allocates every layer's arrays. */
static void net_make(Net *net, int layers, const int *width, const enum Activation *activation) {
  memset(net, 0, sizeof *net);
  net->layers = layers;
  net->width[0] = width[0];
  for (int l = 0; l < layers; l++) {
    if (width[l] > MAXWIDTH || width[l + 1] > MAXWIDTH) {
      fprintf(stderr, "a layer is wider than MAXWIDTH (%d)\n", MAXWIDTH);
      exit(1);
    }
    net->width[l + 1] = width[l + 1];
    net->activation[l + 1] = activation[l];
    size_t n = (size_t)width[l + 1] * width[l];
    net->w[l] = zeroed(n);
    net->gw[l] = zeroed(n);
    net->b[l] = zeroed(width[l + 1]);
    net->gb[l] = zeroed(width[l + 1]);
  }
}

static void net_free(Net *net) {
  for (int l = 0; l < net->layers; l++) {
    free(net->w[l]);
    free(net->gw[l]);
    free(net->b[l]);
    free(net->gb[l]);
  }
}

/* Weights, not counting biases. */
static long net_weights(const Net *net) {
  long n = 0;
  for (int l = 0; l < net->layers; l++) n += (long)net->width[l] * net->width[l + 1];
  return n;
}

/* ---- nabla's random numbers and initialisation ---- */

static uint64_t splitmix(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static double uniform(uint64_t *state) { return (double)(splitmix(state) >> 11) / 9007199254740992.0; }

static double normal(uint64_t *state) {
  double u1 = fmax(uniform(state), 1e-300);
  double u2 = uniform(state);
  return sqrt(-2 * log(u1)) * cos(2 * PI * u2);
}

/* Xavier uniform, weights in nabla's order (per receiving neuron, then per sending neuron); biases 0. */
static void init_xavier(Net *net, uint64_t seed) {
  uint64_t state = seed;
  for (int l = 0; l < net->layers; l++) {
    int fan_in = net->width[l];
    int fan_out = net->width[l + 1];
    double limit = sqrt(6.0 / (fan_in + fan_out));
    for (int j = 0; j < net->width[l + 1]; j++) {
      for (int i = 0; i < net->width[l]; i++)
        net->w[l][j * fan_in + i] = -limit + (limit - -limit) * uniform(&state);
      net->b[l][j] = 0;
    }
  }
}

/* data moons N (noise 0.1, seed 1) */
static void moons(Data *d, int n) {
  uint64_t state = 1;
  d->count = n;
  d->inputs = 2;
  d->targets = 1;
  for (int i = 0; i < n; i++) {
    int upper = i % 2 == 0;
    double t = PI * uniform(&state);
    double x = upper ? cos(t) : 1 - cos(t);
    double y = upper ? sin(t) : 0.5 - sin(t);
    d->x[i][0] = x + 0.1 * normal(&state);
    d->x[i][1] = y + 0.1 * normal(&state);
    d->t[i][0] = upper ? 0 : 1;
  }
}

static void xor_data(Data *d) {
  static const double corners[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  d->count = 4;
  d->inputs = 2;
  d->targets = 1;
  for (int i = 0; i < 4; i++) {
    d->x[i][0] = corners[i][0];
    d->x[i][1] = corners[i][1];
    d->t[i][0] = corners[i][0] != corners[i][1];
  }
}

/* ---- nabla's activations: the value, and the derivative computed from z ---- */

static double sigmoid(double z) {
  if (z >= 0) return 1 / (1 + exp(-z));
  double e = exp(z);
  return e / (1 + e);
}

static double sigmoid_derivative(double z) {
  double e = exp(-fabs(z));
  double d = 1 + e;
  return e / (d * d);
}

static double tanh_derivative(double z) {
  double e = exp(-2 * fabs(z));
  double d = 1 + e;
  return 4 * e / (d * d);
}

/* ---- one full-batch step ---- */

/* When `from_output` is set, the derivatives are taken from the outputs (s(1 − s),
   1 − a²), as most hand-written loops do: one exp fewer per neuron. */
static double step(Net *net, const Data *data, double rate, int from_output) {
  const int L = net->layers;
  double a[MAXLAYERS + 1][MAXWIDTH];     /* outputs per layer; a[0] is the example */
  double da[MAXLAYERS + 1][MAXWIDTH];    /* activation derivatives */
  double delta[MAXLAYERS + 1][MAXWIDTH]; /* ∂E/∂net input */
  for (int l = 0; l < L; l++) {
    memset(net->gw[l], 0, sizeof(double) * net->width[l + 1] * net->width[l]);
    memset(net->gb[l], 0, sizeof(double) * net->width[l + 1]);
  }
  double total = 0;
  for (int e = 0; e < data->count; e++) {
    for (int i = 0; i < net->width[0]; i++) a[0][i] = data->x[e][i];
    for (int l = 0; l < L; l++) {
      const int n_in = net->width[l], n_out = net->width[l + 1];
      const int is_tanh = net->activation[l + 1] == TANH;
      for (int j = 0; j < n_out; j++) {
        const double *w = net->w[l] + (size_t)j * n_in;
        double z = 0;
        for (int i = 0; i < n_in; i++) z += w[i] * a[l][i];
        z += net->b[l][j];
        if (is_tanh) {
          double o = tanh(z);
          a[l + 1][j] = o;
          da[l + 1][j] = from_output ? 1 - o * o : tanh_derivative(z);
        } else {
          double o = sigmoid(z);
          a[l + 1][j] = o;
          da[l + 1][j] = from_output ? o * (1 - o) : sigmoid_derivative(z);
        }
      }
    }
    double loss = 0;
    for (int k = 0; k < net->width[L]; k++) {
      double d = a[L][k] - data->t[e][k];
      loss += 0.5 * d * d;
      delta[L][k] = d * da[L][k];
    }
    total += loss;
    for (int l = L - 1; l >= 0; l--) {
      const int n_in = net->width[l], n_out = net->width[l + 1];
      for (int j = 0; j < n_out; j++) {
        double g = delta[l + 1][j];
        double *gw = net->gw[l] + (size_t)j * n_in;
        for (int i = 0; i < n_in; i++) gw[i] += g * a[l][i];
        net->gb[l][j] += g;
      }
      if (l == 0) break;
      for (int i = 0; i < n_in; i++) {
        double s = 0;
        for (int j = n_out - 1; j >= 0; j--) s += delta[l + 1][j] * net->w[l][(size_t)j * n_in + i];
        delta[l][i] = s * da[l][i];
      }
    }
  }
  const double scale = 1.0 / data->count;
  for (int l = 0; l < L; l++) {
    const size_t n = (size_t)net->width[l + 1] * net->width[l];
    for (size_t k = 0; k < n; k++) net->w[l][k] -= rate * (net->gw[l][k] * scale);
    for (int j = 0; j < net->width[l + 1]; j++) net->b[l][j] -= rate * (net->gb[l][j] * scale);
  }
  return total * scale;
}

/* ---- the cases ---- */

typedef struct {
  char name[64];
  Net net;
  Data data;
  double rate;
} Case;

static void make_xor(Case *c) {
  static const int width[] = {2, 2, 1};
  static const enum Activation activation[] = {SIGMOID, SIGMOID};
  memset(c, 0, sizeof *c);
  snprintf(c->name, sizeof c->name, "XOR 2-2-1 sigmoid, 4 examples");
  net_make(&c->net, 2, width, activation);
  init_xavier(&c->net, 7);
  xor_data(&c->data);
  c->rate = 0.5;
}

/* 2-W-W-1 (tanh, tanh, sigmoid) on the 100 moons points, rate 0.1, weights from seed 11. */
static void make_moons(Case *c, int hidden) {
  const int width[] = {2, hidden, hidden, 1};
  static const enum Activation activation[] = {TANH, TANH, SIGMOID};
  memset(c, 0, sizeof *c);
  snprintf(c->name, sizeof c->name, "2-%d-%d-1 tanh, 100 moons points", hidden, hidden);
  net_make(&c->net, 3, width, activation);
  init_xavier(&c->net, 11);
  moons(&c->data, 100);
  c->rate = 0.1;
}

/* Case k: 0 is XOR, 1 the 2-16-16-1 moons network, then one per width of SIZES. */
enum { NCASES = 2 + NSIZES };

static void make_case(Case *c, int k) {
  if (k == 0)
    make_xor(c);
  else
    make_moons(c, k == 1 ? 16 : SIZES[k - 2]);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Steps per second: rounds of about 0.3 s each after a warm-up; the median round. */
static double measure(Case *c, int from_output, double *sink) {
  long n = 1;
  double elapsed = 0;
  while (elapsed < 0.1) {
    n *= 2;
    double start = now();
    for (long s = 0; s < n; s++) *sink += step(&c->net, &c->data, c->rate, from_output);
    elapsed = now() - start;
  }
  long per_round = (long)(n * 0.3 / elapsed) + 1;
  enum { ROUNDS = 5 };
  double rates[ROUNDS];
  for (int r = 0; r < ROUNDS; r++) {
    double start = now();
    for (long s = 0; s < per_round; s++) *sink += step(&c->net, &c->data, c->rate, from_output);
    rates[r] = per_round / (now() - start);
  }
  qsort(rates, ROUNDS, sizeof rates[0], compare);
  return rates[ROUNDS / 2];
}

/* One line: the label, steps per second and the time per step, then `extra` (may be empty). */
static void print_rate(const char *label, double rate, const char *extra) {
  double ns = 1e9 / rate;
  if (ns < 1e4)
    printf("%-40s %16.0f %11.0f ns%s\n", label, rate, ns, extra);
  else if (ns < 1e6)
    printf("%-40s %16.0f %11.1f µs%s\n", label, rate, ns / 1e3, extra);
  else
    printf("%-40s %16.0f %11.2f ms%s\n", label, rate, ns / 1e6, extra);
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "check") == 0) {
    long n = atol(argv[2]);
    for (int k = 0; k < NCASES; k++) {
      if (k >= 2 && SIZES[k - 2] == 16) continue; /* the same network as case 1 */
      Case c;
      make_case(&c, k);
      double before = step(&c.net, &c.data, 0, 0);
      for (long s = 0; s < n; s++) step(&c.net, &c.data, c.rate, 0);
      double after = step(&c.net, &c.data, 0, 0);
      printf("%s, rate %g: loss %.12g -> %.12g after %ld steps; first weight %.12g\n", c.name, c.rate, before,
             after, n, c.net.w[0][0]);
      net_free(&c.net);
    }
    return 0;
  }
  if (argc != 1) {
    fprintf(stderr, "usage: %s [check N]\n", argv[0]);
    return 2;
  }

  double sink = 0;
  printf("%-40s %16s %14s\n", "full-batch step in C", "steps per second", "time per step");
  for (int k = 0; k < 2; k++) {
    for (int from_output = 0; from_output <= 1; from_output++) {
      Case c; /* every measurement starts from the same weights */
      make_case(&c, k);
      double rate = measure(&c, from_output, &sink);
      char label[96];
      snprintf(label, sizeof label, "%s%s", c.name, from_output ? " *" : "");
      print_rate(label, rate, "");
      net_free(&c.net);
    }
  }
  printf("* derivatives from the outputs, s(1 - s) and 1 - a², as most hand-written loops do; nabla computes\n"
         "  them from the net input (one exp more per neuron), and so do the lines without *\n");

  printf("\n%-40s %16s %14s %10s\n", "size series in C", "steps per second", "time per step", "weights");
  for (int k = 2; k < NCASES; k++) {
    Case c;
    make_case(&c, k);
    double rate = measure(&c, 0, &sink);
    char label[96];
    snprintf(label, sizeof label, "size %s", c.name);
    char weights[32];
    snprintf(weights, sizeof weights, " %10ld", net_weights(&c.net));
    print_rate(label, rate, weights);
    net_free(&c.net);
  }
  if (sink == 12345.678) printf("%g\n", sink); /* keeps the loops from being optimised away */
  return 0;
}
