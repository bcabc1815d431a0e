"""Webhooks: subscriptions, the event catalogue, durable signed deliveries with retries."""
