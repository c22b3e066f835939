"""Write the German compound dictionary for Elasticsearch's dictionary_decompounder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search import compounds


class Command(BaseCommand):
    help = (
        "Write the German noun list (one per line, UTF-8) that the German analyser uses to "
        "split compounds. Copy it into the Elasticsearch config directory and set "
        "ELASTICSEARCH_DECOMPOUND_WORDS_PATH to its path relative to that directory."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="file to write, e.g. analysis/german-nouns.txt")

    def handle(self, *args, path, **options):
        words = compounds.lemmas()
        if not words:
            raise CommandError("the german-nouns package is not installed")
        Path(path).write_text("\n".join(words) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(words)} words written to {path}")
