from linewatch.cli.main import run

run()
