// n8n's logger prints every node error it reports; the demo prints its own table instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
