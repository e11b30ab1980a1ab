"""The dataset specification: where a dataset is and how to read it, as one value.

The same value loads the data in the runner, reaches every notebook as parameters (the
notebooks pass them to `load_dataset`), and enters every provenance hash, so a report can
never be made from data read differently from what its record says. A new load option is a
new field here, a parameter of the notebooks, and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from analysis.paths import embedded_data_dir

NUMBER_FORMATS = ("vi", "en")


@dataclass(frozen=True)
class DatasetSpec:
    """How to load one dataset.

    Attributes:
        path: An absolute path to a folder or workbook; "" for the embedded real dataset.
        encoding: Text encoding of CSV files; "" to detect.
        number_format: "vi" or "en" to force how ambiguous numbers are read; "" to detect.
    """

    path: str = ""
    encoding: str = ""
    number_format: str = ""

    @classmethod
    def from_arguments(
        cls,
        path: str | Path | None = None,
        encoding: str | None = None,
        number_format: str | None = None,
    ) -> DatasetSpec:
        """Makes a specification from user input: resolves the path, "" for the embedded data."""
        resolved = ""
        if path:
            absolute = Path(path).expanduser().resolve()
            if absolute != embedded_data_dir().resolve():
                resolved = str(absolute)
        if number_format and number_format not in NUMBER_FORMATS:
            raise ValueError(
                f"number format must be one of {', '.join(NUMBER_FORMATS)}, got {number_format!r}"
            )
        return cls(resolved, encoding or "", number_format or "")

    @property
    def location(self) -> Path:
        """The folder or workbook to read."""
        return Path(self.path) if self.path else embedded_data_dir()

    def load_options(self) -> dict:
        """Keyword arguments of `load_dataset` besides the path (None means detect)."""
        return {"encoding": self.encoding or None, "number_format": self.number_format or None}

    def load(self):
        """Loads and validates the dataset (raises `DatasetError` when it is not valid)."""
        from analysis.data.dataset import load_dataset

        return load_dataset(self.path or None, **self.load_options())

    def parameters(self) -> dict[str, str]:
        """The notebook parameters that carry this specification (`path` is called `data`)."""
        return {
            ("data" if f.name == "path" else f.name): getattr(self, f.name) for f in fields(self)
        }

    def as_record(self) -> dict[str, str]:
        """The specification as recorded in provenance and hashed into report keys."""
        return asdict(self)
