"""The pipeline: file -> document -> rules -> findings -> filters, and the plugin contract."""
