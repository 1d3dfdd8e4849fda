export { searchAccounts } from './searchAccounts';
export { searchCategories } from './searchCategories';
export { searchCounterparties } from './searchCounterparties';
export { searchInvoices } from './searchInvoices';
export { searchTransactions } from './searchTransactions';
