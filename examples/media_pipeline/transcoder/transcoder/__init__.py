"""The transcode container of the media pipeline."""
