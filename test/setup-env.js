// n8n-core's InstanceSettings writes a config file (with an encryption key) into the user folder on
// first use; keep it out of $HOME and away from a developer's real n8n.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), `n8n-nodes-lacrm-test-${process.pid}`);
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'n8n-nodes-lacrm-tests';
// Quiet n8n's own logging in tests (our assertions read results, not logs), and its warning about
// the temp settings file's permissions.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS =
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS || 'false';
