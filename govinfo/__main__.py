from govinfo.cli.main import run

run()
