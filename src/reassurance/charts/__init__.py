"""Chart builders, one module per chapter plus what they share (common)."""
