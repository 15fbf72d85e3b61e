import * as credentialTest from './credentialTest';
import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';
import * as resourceMapping from './resourceMapping';

export { credentialTest, listSearch, loadOptions, resourceMapping };
