# The metafor side of bench/meta/run.mjs: Rscript metafor.R TASK file.csv  → JSON on stdout.
# Same control as ExoAtlas's defaults (and the conformance fixtures): tau^2 iterated to 1e-12.
suppressMessages({ library(metafor); library(jsonlite) })
args <- commandArgs(TRUE); task <- args[1]; d <- read.csv(args[2])
ctrl <- list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5)
smd <- function(d) escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)
out <- switch(task,
  loo = {
    res <- rma(yi, vi, data = smd(d), control = ctrl); l <- leave1out(res)
    list(estimate = res$beta[1], tau2 = res$tau2, looEstimate = l$estimate, looTau2 = l$tau2)
  },
  reml = {
    res <- rma(yi, vi, data = smd(d), control = ctrl)
    list(estimate = res$beta[1], se = res$se, tau2 = res$tau2, i2 = res$I2, q = res$QE)
  },
  perm = {
    res <- rma(yi, vi, mods = ~ dose, data = d, control = ctrl)
    p <- permutest(res, iter = 1000, seed = 42, progbar = FALSE)
    list(estimate = res$beta[1], tau2 = res$tau2, permPval = p$pval, permQMp = p$QMp)
  })
cat(toJSON(lapply(out, as.numeric), digits = NA, auto_unbox = TRUE))
