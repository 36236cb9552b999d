//! Monthly climate tables (temperature, plane irradiation) per city, embedded from data files.
