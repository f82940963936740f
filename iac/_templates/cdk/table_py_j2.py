from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'table.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_key = resolve('key')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'dynamodb.Table(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'table_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'partition_key', context.call((undefined(name='key') if l_0_key is missing else l_0_key), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'key'))))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'sort_key', context.call((undefined(name='key') if l_0_key is missing else l_0_key), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'))))
        yield '\n'
    yield '    billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,\n    encryption=dynamodb.TableEncryption.AWS_MANAGED,\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'time_to_live_attribute', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'stream'):
        pass
        yield '    stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,\n'
    yield '    point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(\n        point_in_time_recovery_enabled='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pitr'))
    yield ',\n    ),\n    removal_policy=cdk.RemovalPolicy.'
    yield str(('RETAIN' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'DESTROY'))
    yield ',\n)\n'
    for l_1_i in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'indexes'):
        l_1_var = resolve('var')
        _loop_vars = {}
        pass
        yield str((undefined(name='var') if l_1_var is missing else l_1_var))
        yield '.add_global_secondary_index(\n    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'index_name', environment.getattr(l_1_i, 'name'), _loop_vars=_loop_vars))
        yield '\n    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'partition_key', context.call((undefined(name='key') if l_0_key is missing else l_0_key), environment.getattr(l_1_i, 'key'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '\n'
        if environment.getattr(l_1_i, 'sort'):
            pass
            yield '    '
            yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'sort_key', context.call((undefined(name='key') if l_0_key is missing else l_0_key), environment.getattr(l_1_i, 'sort'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '\n'
        yield '    projection_type=dynamodb.ProjectionType.ALL,\n)\n'
    l_1_i = l_1_var = missing

blocks = {}
debug_info = '3=22&4=24&5=26&6=28&7=31&11=34&12=37&14=39&18=43&20=45&22=47&23=51&24=53&25=55&26=57&27=60'
