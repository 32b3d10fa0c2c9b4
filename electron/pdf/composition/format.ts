export { formatChange, sinceLabel, sumPrevious } from '../components/change';
