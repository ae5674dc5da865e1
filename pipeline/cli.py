"""Parse arguments, load settings, call a command, map errors to exit codes."""

from __future__ import annotations

import importlib
import sys

import click

from pipeline import __version__
from pipeline.commands import App
from pipeline.errors import LigetilError

# Commands are imported only when used, so `ligetil --help` stays fast and light.
COMMANDS = {
    "init": ("pipeline.commands.init", "Create a new project with settings and an example guide."),
    "extract": ("pipeline.commands.extract", "Write translations/<guide>.pot from content/."),
    "update": ("pipeline.commands.update", "Extract, then merge into every language's PO files."),
    "status": ("pipeline.commands.status", "Show translated, draft and missing text per guide and language."),
    "translate": ("pipeline.commands.translate", "Fill untranslated entries with machine drafts (fuzzy)."),
    "models": ("pipeline.commands.models", "List and install offline translation models and voices."),
    "check": ("pipeline.commands.check", "Lint the Danish source and check every translation."),
    "build": ("pipeline.commands.build", "Build the site, its PDFs, audio and e-books into output/."),
    "serve": ("pipeline.commands.serve", "Serve the site on localhost and rebuild it when a file changes."),
    "doctor": ("pipeline.commands.doctor", "Check what each language needs: script, fonts, rules, models, tools."),
    "glossary": ("pipeline.commands.glossary", "Show the glossary's terms; export them as TBX for Weblate."),
    "export": ("pipeline.commands.export", "Write XLIFF for CAT tools, or TMX of the reviewed translations."),
    "import": ("pipeline.commands.imports", "Merge XLIFF files from a CAT tool into their catalogs."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(COMMANDS[name][0]).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C", "--project", "project", type=click.Path(file_okay=False, path_type=str), default=".",
    show_default=True, help="Project folder (the one with ligetil.toml, or below it).",
)
@click.version_option(__version__, prog_name="ligetil")
@click.pass_context
def cli(ctx: click.Context, project: str) -> None:
    """Publish Danish citizen guides in every language, through gettext.

    \b
    A typical round:
      ligetil update            content/ -> translations/*.pot and every PO file
      ligetil translate --lang tr   machine drafts (fuzzy) for translators to review
      ligetil check             source lint and translation QA
      ligetil status            what is translated, drafted and publishable
      ligetil build             output/: HTML pages and PDF flyers per language
      ligetil serve             the site on localhost, rebuilt as you save

    Exit codes: 0 success, 1 problems found or build failed, 2 bad usage or settings.
    """
    ctx.obj = App(project)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with the command's code."""
    try:
        code = cli.main(args=argv, prog_name="ligetil", standalone_mode=False)
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = 1
    except LigetilError as error:
        click.echo(str(error), err=True)
        code = error.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
