"""The organizations directory: the AGS-keyed hierarchy of Baden-Württemberg and its partners."""
