"""Training the splitter: the aligner, the page generator, the trainer, cross-validation."""
