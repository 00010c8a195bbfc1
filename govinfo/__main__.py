from govinfo.cli.start import run

run()
