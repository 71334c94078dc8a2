// The YAML parser the checkers share: the pinned copy validate.sh installs into deploy/.tools,
// else one on NODE_PATH or installed globally.
'use strict';

const path = require('path');

function load() {
  try {
    return require(path.join(__dirname, '..', '.tools', 'node_modules', 'yaml'));
  } catch (e) {
    return require('yaml');
  }
}

module.exports = load();
