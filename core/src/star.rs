//! Green-building star-rating eligibility (GB/T 50378-2019, 2019 and 2024 editions).
