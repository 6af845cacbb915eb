import { mount } from '../../components/mount';
import { Options } from './Options';
import './options.css';

mount('optionsTitle', <Options />);
